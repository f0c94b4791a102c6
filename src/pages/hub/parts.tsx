import { Text, View } from '@tarojs/components'
import type { ApplicationView } from '@contract/application'
import type { ResultsSummary } from '@contract/results'
import { currentNode } from '@domain/application-process'
import { nodeMeaning } from '@domain/process-actions'
import { chinaDate } from '@domain/china-time'
import { StatusTag } from '../../components/status-tag'
import { go, routes, type Route } from '../../routes'

/** The hub's parts below the profile items: after the exam, the ticket, scores and certificate; the applications. */

const TICKET_WORDS = { 'not-open': '未开放', open: '可打印', closed: '已停止打印' } as const
const TICKET_MEANINGS = { 'not-open': 'waiting', open: 'current', closed: 'waiting' } as const

/** After the exam (each only when it exists): 准考证, 成绩查询, 成绩合格证明. */
export function HubResults({ results }: { results: ResultsSummary }) {
  const open = (r: Route) => () => void go.to(r)
  if (!results.ticket && results.scoreYears.length === 0) return null
  return (
    <View className='hub__list' id='hub-results'>
      {results.ticket && (
        <HubItem id='hub-ticket' title='准考证' onTap={open(routes.resultsTicket)}>
          <StatusTag id='hub-ticket-status' meaning={TICKET_MEANINGS[results.ticket.state]}>
            {results.ticket.state === 'not-open'
              ? `${chinaDate(results.ticket.opensAt)}开放打印`
              : TICKET_WORDS[results.ticket.state]}
          </StatusTag>
        </HubItem>
      )}
      {results.scoreYears.length > 0 && (
        <HubItem id='hub-scores' title='成绩查询' onTap={open(routes.resultsScores)}>
          <StatusTag id='hub-scores-status' meaning='current'>
            {`${results.scoreYears[0]}年度成绩已公布`}
          </StatusTag>
        </HubItem>
      )}
      {results.certificate && (
        <HubItem id='hub-certificate' title='成绩合格证明' onTap={open(routes.resultsCertificate)}>
          <StatusTag id='hub-certificate-status' meaning='done'>
            可查看
          </StatusTag>
        </HubItem>
      )}
    </View>
  )
}

/** The candidate's applications, each with the node it is at (domain/application-process `currentNode`). */
export function HubApplications({ applications }: { applications: ApplicationView[] }) {
  if (applications.length === 0) return null
  return (
    <View className='hub__list' id='hub-applications'>
      {applications.map((a, i) => {
        const node = currentNode(a.nodes)
        return (
          <View
            className='hub__item'
            key={a.id}
            id={`hub-application-${i}`}
            onClick={() => void go.to(routes.tracker, { id: a.id })}
          >
            <View className='hub__item-title'>
              <Text>{`${a.examName}（${a.provinceName}）`}</Text>
            </View>
            <StatusTag id={`hub-application-${i}-node`} meaning={node ? nodeMeaning(a.nodes, node) : 'waiting'}>
              {!node
                ? ''
                : node.state === 'failed'
                  ? `${node.name}未通过`
                  : node.state === 'done'
                    ? node.name
                    : `当前：${node.name}`}
            </StatusTag>
          </View>
        )
      })}
    </View>
  )
}

/** One item of the hub: its title (with * when required before applying) and its status, tapping to its page. */
export function HubItem(props: {
  id: string
  title: string
  required?: boolean
  onTap: () => void
  children: JSX.Element
}) {
  return (
    <View className='hub__item' id={props.id} onClick={props.onTap}>
      <View className='hub__item-title'>
        {props.required && <Text className='hub__required'>*</Text>}
        <Text>{props.title}</Text>
      </View>
      <View className='hub__item-status'>
        {props.children}
        <View className='hub__chevron' />
      </View>
    </View>
  )
}
